# shellcheck shell=bash
# Sourced by the scripts that install Debian packages they need. The caller defines die and note.

is_root() { [[ $EUID -eq 0 ]]; }

# Install Debian packages non-interactively (CI has no stdin); sudo only when not root.
apt_install() {
    local sudo=()
    if ! is_root; then
        command -v sudo >/dev/null || die "$* missing and I am not root: install it with 'apt-get install $*'"
        sudo=(sudo)
    fi
    note "installing Debian package(s): $* ..."
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null >/dev/null
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" </dev/null >/dev/null \
        || die "apt-get install $* failed"
}
