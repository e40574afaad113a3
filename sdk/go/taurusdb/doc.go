// The full backups of a Huawei Cloud TaurusDB (GaussDB for MySQL) instance, every page, signed and retried, the newest COMPLETED one, live or pinned, and a restore of one into an existing instance.
package taurusdb
