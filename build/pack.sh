#!/usr/bin/env bash
# The packages: QueryServiceOrm (the provider), QueryServiceOrm.Sandbox (the emulator) and QueryServiceOrm.Cli (the
# qsorm .NET tool), each with its .snupkg symbols, into artifacts/packages. Built in Release as a CI build
# (deterministic, source paths mapped) in artifacts/pack, apart from the bin/ and obj/ of everyday builds; any warning
# fails it. ARTIFACTS_DIR moves both folders elsewhere. Extra arguments go to dotnet pack, e.g.
# ./build/pack.sh -p:Version=1.2.3
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
artifacts="${ARTIFACTS_DIR:-$root/artifacts}"

for project in QueryServiceOrm QueryServiceOrm.Sandbox QueryServiceOrm.Cli; do
  echo "Packing $project..." >&2
  dotnet pack "$root/src/$project/$project.csproj" -c Release --nologo -v q -warnaserror \
    --artifacts-path "$artifacts/pack" -o "$artifacts/packages" -p:ContinuousIntegrationBuild=true "$@"
done
echo "Packages in $artifacts/packages:" >&2
ls -1 "$artifacts/packages" >&2
