#!/usr/bin/env bash
# The machine's own programs the test suite drives, from Debian's packages when
# missing: Chromium (tests/e2e; Playwright cannot download a browser here), Java
# (the Nu HTML Checker), npm (axe-core and the checker, from package-lock.json),
# and, where it can be installed, nginx (tests/test_media_nginx.py checks the
# README's rules for uploads against it, and is skipped without it).
# Used by `make test`, `make test-e2e` and .ci/run. Installs only as root with
# apt-get; otherwise names what is missing and fails.
set -euo pipefail

needed=()
[ -x /usr/bin/chromium ] || needed+=(chromium)
command -v java >/dev/null || needed+=(default-jre-headless)
command -v npm >/dev/null || needed+=(npm)
optional=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || optional+=(nginx-light)

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    [ ${#needed[@]} -eq 0 ] && exit 0
    echo "The browser tests need: ${needed[*]} (Debian package names)." >&2
    echo "Install them (sudo apt-get install ${needed[*]}), or run" >&2
    echo "'make test-fast' for everything but the browser tests." >&2
    exit 1
fi
packages=("${needed[@]}" "${optional[@]}")
[ ${#packages[@]} -eq 0 ] && exit 0
echo "Installing ${packages[*]} from Debian's packages"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}"
