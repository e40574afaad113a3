package main

import (
	"context"
	"fmt"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// noOtherPackages is the loader for a schema that refers to no other package: binding and the
// generators ask a loader for referenced packages, and this one answers that there are none, instead
// of starting a plugin host to look them up.
type noOtherPackages struct{}

var _ schema.ReferenceLoader = noOtherPackages{}

func (noOtherPackages) refused(name string) error {
	return fmt.Errorf("the schema refers to package %q; sdkgen generates SDKs only for schemas that refer to no other package", name)
}

func (l noOtherPackages) LoadPackage(pkg string, _ *semver.Version) (*schema.Package, error) {
	return nil, l.refused(pkg)
}

func (l noOtherPackages) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, l.refused(d.Name)
}

func (l noOtherPackages) LoadPackageReference(pkg string, _ *semver.Version) (schema.PackageReference, error) {
	return nil, l.refused(pkg)
}

func (l noOtherPackages) LoadPackageReferenceV2(_ context.Context, d *schema.PackageDescriptor) (schema.PackageReference, error) {
	return nil, l.refused(d.Name)
}
