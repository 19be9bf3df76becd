#!/usr/bin/env bash
# Kept for old notes: the app image alone. See packaging/linux.sh (app image and .deb).
exec "$(dirname "$0")/linux.sh" app-image
