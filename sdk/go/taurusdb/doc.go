// The full backups of a Huawei Cloud TaurusDB (GaussDB for MySQL) instance, every page, signed and retried, and the newest COMPLETED one, live or pinned.
package taurusdb
