/**
 * The arguments of the package's Pulumi forms as `pulumi.Input`s: the core's types, lifted. Kept on
 * the Pulumi side, so the core's types (../types.ts) need nothing from Pulumi.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { GetInstanceBackupsArgs } from "../types";

/** Each field of `T` as a `pulumi.Input`, arrays as inputs of inputs (Pulumi's generated-SDK convention). */
export type Inputs<T> = {
  [K in keyof T]: T[K] extends ReadonlyArray<infer E> | undefined ? pulumi.Input<pulumi.Input<E>[]> : pulumi.Input<T[K]>;
};

/** Arguments of {@link getInstanceBackupsOutput}: the same, each one a `pulumi.Input`. */
export type GetInstanceBackupsOutputArgs = Inputs<GetInstanceBackupsArgs>;
