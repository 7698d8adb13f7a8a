#!/usr/bin/env bash
# The one entry point. Verbs:
#   ./build.sh test                 build everything, run every test this machine can run, say what was skipped and why
#   ./build.sh run                  start the local stack: the Aspire AppHost and its dashboard (Ctrl+C stops it all)
#   ./build.sh manifest             rewrite src/AppHost/aspire-manifest.json from the AppHost
#if (cache)
#   ./build.sh bench [--smoke]      the Api in Release under wrk and fixed-rate load; writes docs/benchmarks.md
#endif
#if (aws)
#   ./build.sh synth --env <name> [--image-tag <tag>]   manifest -> AWS CDK cloud assembly in cdk.out/
#endif
#if (templateRepository)
#   ./build.sh pack                 the dotnet new template package -> artifacts/packages/
#endif
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT="$PWD"
CONFIGURATION="${CONFIGURATION:-Release}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
#if (aws)
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CDK_DISABLE_CLI_TELEMETRY=true
#endif

log() { printf '\n==> %s\n' "$*"; }

# MSBuild properties of every build and run of this repository's projects.
PROPERTIES=()
#if (aws)
# Aspire.Hosting.AWS is part of the AppHost by default. Where the package source cannot serve it (or its
# AWSSDK dependencies), build without it rather than fail: everything else is unaffected. The answer is kept in
# artifacts/ until the package versions or the AppHost project change: a failed probe rewrites the AppHost's
# restore state, which would cost every later build a re-restore and a rebuild.
aws_integration() {
  if [ -n "${ASPIRE_AWS_INTEGRATION:-}" ]; then echo "$ASPIRE_AWS_INTEGRATION"; return; fi
  local cache="$ROOT/artifacts/aspire-aws-integration" key out
  key=$(cat Directory.Packages.props src/AppHost/AppHost.csproj | sha256sum | cut -c1-16)
  if [ -f "$cache" ] && [ "$(cut -d' ' -f1 "$cache")" = "$key" ]; then
    [ "$(cut -d' ' -f2 "$cache")" = true ] \
      || echo "Aspire.Hosting.AWS did not restore here (answer kept in $cache; delete it to try again): building with -p:AspireAwsIntegration=false" >&2
    cut -d' ' -f2 "$cache"; return
  fi
  mkdir -p "$ROOT/artifacts"
  if out=$(dotnet restore src/AppHost/AppHost.csproj -p:AspireAwsIntegration=true 2>&1); then
    echo "$key true" > "$cache"; echo true
  else
    echo "Aspire.Hosting.AWS does not restore here, building the AppHost with -p:AspireAwsIntegration=false:" >&2
    grep -Eo 'error NU[0-9]+: [^[]*' <<<"$out" | sort -u | head -5 | sed 's/^/    /' >&2
    echo "$key false" > "$cache"; echo false
  fi
}

#endif

properties() {
#if (aws)
  PROPERTIES=(-p:AspireAwsIntegration="$(aws_integration)")
#endif
  return 0
}

build() {
  properties
  log "Building (configuration $CONFIGURATION${PROPERTIES[*]:+, ${PROPERTIES[*]}})"
  dotnet build AppDelivery.Aspire.slnx -c "$CONFIGURATION" "${PROPERTIES[@]}" -nologo -clp:ErrorsOnly
#if (templateRepository)
  dotnet build template/Template.Tests -c "$CONFIGURATION" -nologo -clp:ErrorsOnly
#endif
}


cmd_test() {
  local build_started=$SECONDS
  build
  local build_seconds=$((SECONDS - build_started)) tests_started=$SECONDS
  local results="$ROOT/artifacts/test-results"
  rm -rf "$results"; mkdir -p "$results"
  local filters=()
  if ! { command -v docker >/dev/null && timeout 10 docker info >/dev/null 2>&1; } \
     && ! { command -v podman >/dev/null && timeout 10 podman info >/dev/null 2>&1; }; then
    filters+=("Category!=Containers")
    echo "SKIPPED: the AppHost run with PostgreSQL and Valkey as containers (tests/AppHost.Tests/RunMode/ContainerStackTests.cs,"
    echo "         trait Category=Containers): no container runtime answers here (docker/podman info). The same stack"
    echo "         with both servers as executables, the dashboard, dotnet run and aspire run are tested (Category=RunMode)."
  fi
#if (templateRepository)
  if [ ! -d "$ROOT/../shared/manifests" ]; then
    filters+=("Category!=SharedManifests")
    echo "SKIPPED: manifest-reader tests over third-party Aspire manifests (trait Category=SharedManifests) read"
    echo "         ../shared/manifests, which only the template's own repository has beside it."
  fi
#endif
  local filter
  filter=$(IFS='&'; echo "${filters[*]}")
  local status=0
  local projects=(tests/*/*.csproj)
#if (templateRepository)
  projects+=(template/Template.Tests/Template.Tests.csproj)
#endif
  for project in "${projects[@]}"; do
    log "Testing $project"
    dotnet test "$project" -c "$CONFIGURATION" --no-build ${filter:+--filter "$filter"} \
      --logger "trx;LogFileName=$(basename "$project" .csproj).trx" --results-directory "$results" \
      -- RunConfiguration.TreatNoTestsAsError=true || status=1
  done
  echo "Build took ${build_seconds}s, tests took $((SECONDS - tests_started))s."
  python3 - "$results" <<'PY' || status=1
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns).attrib
    p, fl = int(c["passed"]), int(c["failed"]) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    s = int(c["total"]) - int(c["executed"])
    print(f"  {f.rsplit('/', 1)[1]:<40} {p} passed, {fl} failed, {s} not executed")
    passed += p; failed += fl; skipped += s
if skipped:
    print(f"{skipped} tests were not executed: that counts as failure")
    failed += skipped
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed or not passed else 0)
PY
  return $status
}

cmd_manifest() {
  properties
  dotnet build src/AppHost -c "$CONFIGURATION" "${PROPERTIES[@]}" -nologo -clp:ErrorsOnly
  # The output path must be absolute (it is otherwise taken relative to the AppHost), and beside the
  # project: the manifest's project paths are relative to the manifest's folder.
  dotnet run --project src/AppHost -c "$CONFIGURATION" --no-build --no-launch-profile -- \
    --publisher manifest --output-path "$ROOT/src/AppHost/aspire-manifest.json"
}

# PostgreSQL and Valkey run as containers where Docker or Podman answers, else as executables from this
# machine's server binaries (AppHost:LocalServers, see README). Extra arguments go to the AppHost.
cmd_run() {
  properties
  dotnet build src/AppHost -c "$CONFIGURATION" "${PROPERTIES[@]}" -nologo -clp:ErrorsOnly
  exec dotnet run --project src/AppHost -c "$CONFIGURATION" --no-build -- "$@"
}

#if (aws)
cmd_synth() {
  cmd_manifest
  dotnet run --project src/Deploy -c "$CONFIGURATION" -- synth --manifest src/AppHost/aspire-manifest.json "$@"
}
#endif
#if (templateRepository)

cmd_pack() {
  dotnet pack template/AppDelivery.Aspire.Templates.csproj -c "$CONFIGURATION" -o "$ROOT/artifacts/packages" -nologo
}
#endif

#if (cache)
# Not part of cmd_test: a benchmark is not a timed test. Needs wrk (apt-get install wrk) and the server binaries.
cmd_bench() {
  command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
  dotnet build src/Api -c Release -nologo -clp:ErrorsOnly
  dotnet build bench/Api.Benchmarks -c Release -nologo -clp:ErrorsOnly
  dotnet run --project bench/Api.Benchmarks -c Release --no-build -- "$@"
}
#endif

verb="${1:-}"; shift || true
case "$verb" in
  test) cmd_test "$@" ;;
  run) cmd_run "$@" ;;
  manifest) cmd_manifest "$@" ;;
#if (aws)
  synth) cmd_synth "$@" ;;
#endif
#if (templateRepository)
  pack) cmd_pack "$@" ;;
#endif
#if (cache)
  bench) cmd_bench "$@" ;;
#endif
  *) sed -n '2,/^set -euo/p' "$0" | grep '^#  ' | sed 's/^# //'; exit 2 ;;
esac
