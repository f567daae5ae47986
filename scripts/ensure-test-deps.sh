#!/usr/bin/env bash
# Runs before `npm test`: installs from Debian what the test suite needs when it is missing.
# - postgresql: the tests start their own throwaway PostgreSQL cluster from its binaries.
# - chromium: the browser tests drive Debian's Chromium through playwright-core.
# - xvfb: the agent's `open` test shows Chromium on a virtual display.
# - mono-mcs and System.ServiceProcess: the agent's Windows service host (C#) must compile.
set -euo pipefail

missing=()
compgen -G '/usr/lib/postgresql/*/bin/initdb' > /dev/null || missing+=(postgresql)
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v Xvfb > /dev/null || missing+=(xvfb)
command -v mcs > /dev/null || missing+=(mono-mcs)
compgen -G '/usr/lib/mono/4.5/System.ServiceProcess.dll' > /dev/null ||
  missing+=(libmono-system-serviceprocess4.0-cil)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing from Debian for the tests: ${missing[*]}" >&2
sudo=''
[ "$(id -u)" -eq 0 ] || sudo='sudo'
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" > /dev/null
echo "Installed: ${missing[*]}" >&2
