#!/usr/bin/env bash
# Set up everything this project needs on Debian, idempotently:
#   - system packages (Qt runtime libraries, a Chinese font; python3-venv if missing) when root;
#   - a virtual environment in .venv (or $VENV) with the project installed in editable mode.
# Usage: scripts/bootstrap.sh [base|dev|package]   (dev adds test tools and every face's packages;
#        package adds PyInstaller and binutils, for `make package`)
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:-base}
venv=${VENV:-.venv}
python=${PYTHON:-python3}

apt_install() {
    local missing=()
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "bootstrap: installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    if ! command -v "$python" >/dev/null 2>&1 || ! "$python" -c 'import venv, ensurepip' 2>/dev/null; then
        apt_install python3 python3-venv python3-pip
    fi
    if [ "$profile" = dev ] || [ "$profile" = package ]; then
        # Qt (PySide6) offscreen needs these; the font renders Chinese text.
        apt_install libglib2.0-0 libegl1 libgl1 libdbus-1-3 libfontconfig1 libxkbcommon0 \
            fonts-wqy-microhei
        # The database tests start a PostgreSQL server of their own (initdb in a temp folder).
        apt_install postgresql
        # ... and a MariaDB server (MySQL's protocol; mariadb-install-db in a temp folder); the
        # MySQL driver ibis uses (mysqlclient) builds against libmariadb-dev.
        apt_install mariadb-server libmariadb-dev pkg-config gcc python3-dev
        # The Spark tests run PySpark in local mode, which needs a Java runtime (17 for Spark 4).
        if ! command -v java >/dev/null 2>&1; then
            mkdir -p /usr/share/man/man1  # slim images lack it; the JRE's post-install needs it
            apt_install openjdk-17-jre-headless
        fi
    fi
    if [ "$profile" = dev ]; then
        # The report tests: the HTML report in a headless browser, the PDF report to PNG pages.
        apt_install chromium poppler-utils
    fi
    if [ "$profile" = package ]; then
        apt_install binutils  # PyInstaller reads binaries with objdump
    fi
fi

if [ ! -x "$venv/bin/python" ]; then
    echo "bootstrap: creating virtual environment $venv"
    "$python" -m venv "$venv"
fi

extras=""
[ "$profile" = dev ] && extras="[dev,desktop,excel,databases,spark]"
[ "$profile" = package ] && extras="[dev,desktop,excel,databases,spark,package]"
stamp="$venv/.installed-$profile-$(cat pyproject.toml | sha1sum | cut -c1-12)"
if [ ! -f "$stamp" ]; then
    echo "bootstrap: installing the project$extras into $venv"
    # pip's warnings go to a log; it is shown only when the install fails.
    log="$venv/pip-install.log"
    if ! { "$venv/bin/python" -m pip install -q --upgrade pip \
           && "$venv/bin/python" -m pip install -q -e ".$extras"; } >"$log" 2>&1; then
        cat "$log" >&2
        echo "bootstrap: installing the project failed (log: $log)" >&2
        exit 1
    fi
    rm -f "$venv"/.installed-"$profile"-*
    touch "$stamp"
fi
