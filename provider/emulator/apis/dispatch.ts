/** Hands an authenticated, admitted request to the API its route names. */
import type { Reply } from "../replies/reply";
import type { Route } from "../sharedTypes";
import type { ApiContext, ApiRequest } from "./apiContext";
import { listBackups } from "./backupListApi";
import { resetPassword, showInstance } from "./instanceApi";
import { listProjects } from "./projectLookupApi";
import { listRestoreTimes, restore, showJob } from "./restoreApi";

export function answerApi(ctx: ApiContext, route: Exclude<Route, { name: "other" }>, request: ApiRequest): Reply {
  switch (route.name) {
    case "projects":
      return listProjects(ctx.tenant, request.query);
    case "backups":
      return listBackups(ctx.store, ctx.tenant, {
        ...route,
        query: request.query,
        language: request.language,
        distortion: request.distortion,
      });
    case "instance":
      return showInstance(ctx, route, request);
    case "password":
      return resetPassword(ctx, route, request);
    case "restoreTime":
      return listRestoreTimes(ctx, route, request);
    case "restore":
      return restore(ctx, route, request);
    case "jobs":
      return showJob(ctx, route, request);
  }
}
