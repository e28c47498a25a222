#!/usr/bin/env bash
# The quick start: installs what is missing (PostgreSQL's server programs; the .NET SDK is expected), builds qsorm
# and runs 'qsorm demo': a local sandbox with XDM sample data, its tables, C# classes scaffolded into a temporary
# project that is built and run, LINQ reads over nested fields, an append, an INSERT INTO ... SELECT and a CTAS.
# Extra arguments go to qsorm demo, e.g. ./build/demo.sh --rows 1000 --keep
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

bash "$root/build/install-prerequisites.sh"
echo "Building qsorm..." >&2
if ! log="$(dotnet build "$root/src/QueryServiceOrm.Cli/QueryServiceOrm.Cli.csproj" -c Release --nologo -v q 2>&1)"; then
  echo "$log" >&2
  echo "error: qsorm did not build (above: what dotnet build said)." >&2
  exit 1
fi
status=0
dotnet "$root/src/QueryServiceOrm.Cli/bin/Release/net10.0/qsorm.dll" demo "$@" || status=$?

# The README's walkthroughs say 'qsorm ...': say how to get the command, unless it is there already.
if ! command -v qsorm >/dev/null 2>&1; then
  echo >&2
  echo "qsorm is not installed as a command yet; the README's walkthroughs use it. Install it (a .NET tool from this build):" >&2
  echo "  \"$root/build/pack.sh\" && dotnet tool install --global QueryServiceOrm.Cli --add-source \"$root/artifacts/packages\"" >&2
  echo "  (then make sure ~/.dotnet/tools is on PATH)" >&2
fi
exit "$status"
