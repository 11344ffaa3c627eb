//go:build tools

// Package tools pins the FerretDB version that MockLoop builds as its embedded database
// (apps/api/src/db/embedded/build.ts vendors this module and builds cmd/ferretdb from it).
package tools

import _ "github.com/FerretDB/FerretDB/cmd/ferretdb"
