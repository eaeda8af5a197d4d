#!/bin/sh
# elf-files.sh DIR...: the ELF files and ar archives under each DIR
# (regular files, not symlinks), one path per line, sorted: what xsc-verify
# takes. Used by the C library's object check and the packages' build and
# check.
set -eu
find "$@" -type f | LC_ALL=C sort | while IFS= read -r f; do
	case "$(head -c 8 "$f" | od -An -tx1 | tr -d ' \n')" in
	7f454c46*|213c617263683e0a) printf '%s\n' "$f" ;;
	esac
done
