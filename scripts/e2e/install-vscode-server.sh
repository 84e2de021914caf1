#!/usr/bin/env bash
# Installs the VS Code server + web workbench shipped in the npm package code-server, needing nothing but the
# npm registry and Debian packages. Usage: scripts/e2e/install-vscode-server.sh [DEST] [VERSION]
# Needs Node 20 on PATH (code-server <= 4.100.3 requires Node 20), g++/make/python3, and the Debian packages
# libkrb5-dev (kerberos builds from source) and ripgrep (stands in for @vscode/ripgrep's GitHub download).
set -euo pipefail
cd "$(dirname "$0")/../.."
DEST=${1:-.vscode-test/code-server}
VERSION=${2:-4.100.3}          # last release whose engines.node is 20 (VS Code 1.100.3)
RG_PKG_VERSION=1.15.11         # @vscode/ripgrep pinned in code-server 4.100.3's lib/vscode/npm-shrinkwrap.json
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz   # what its postinstall would fetch from GitHub
SERVER_MAIN="$DEST/node_modules/code-server/lib/vscode/out/server-main.js"

if [ -f "$SERVER_MAIN" ] && [ "$(node -p "require(require('path').resolve('$DEST/node_modules/code-server/package.json')).version")" = "$VERSION" ]; then
  echo "code-server $VERSION already installed in $DEST"; exit 0
fi
command -v rg >/dev/null || { echo "missing rg: apt-get install -y ripgrep" >&2; exit 1; }
[ -e /usr/include/gssapi/gssapi.h ] || { echo "missing gssapi.h: apt-get install -y libkrb5-dev" >&2; exit 1; }
[ "$(node -p 'process.versions.node.split(".")[0]')" = 20 ] || { echo "code-server $VERSION needs Node 20" >&2; exit 1; }

mkdir -p "$DEST"; DEST=$(cd "$DEST" && pwd)
export TMPDIR="$DEST/tmp"; mkdir -p "$TMPDIR"

# @vscode/ripgrep's postinstall looks in $TMPDIR/vscode-ripgrep-cache-<version>/<asset> before downloading.
mkdir -p "$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION" "$TMPDIR/rg"
cp "$(command -v rg)" "$TMPDIR/rg/rg"
tar czf "$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION/$RG_ASSET" -C "$TMPDIR/rg" rg

cd "$DEST"
[ -f package.json ] || echo '{"private":true}' > package.json
# unsafe_perm: code-server's postinstall refuses to run as root without it.
# yes: node-pty's postinstall runs `npx node-gyp`, which otherwise aborts ("npx canceled ... no YES option").
# dangerously_allow_all_scripts: npm >= 11.19 skips dependency install scripts by default, and code-server's
#   postinstall (a nested npm install of lib/vscode with native modules) is the whole installation.
npm_config_unsafe_perm=true npm_config_yes=true npm_config_dangerously_allow_all_scripts=true \
  npm install --no-save --no-audit --no-fund "code-server@$VERSION"
[ -f "$DEST/node_modules/code-server/lib/vscode/out/server-main.js" ] || { echo "install incomplete: no server-main.js" >&2; exit 1; }
rm -rf "$TMPDIR"
echo "VS Code server root: $DEST/node_modules/code-server/lib/vscode"
