#!/bin/bash
# Creates the four databases of the end-to-end suite (e2e/) in IBM's
# Informix Developer Edition container. compose.yaml mounts this directory
# as the container's /opt/ibm/config and names this file in
# RUN_FILE_POST_INIT, which the container runs once, after the disk
# initialisation of a new instance (IBM's image documentation,
# informix-dockerhub-readme, "User Supplied Configuration Options").
#
# A database takes its locale from DB_LOCALE when it is created, so the
# UTF-8 one is created in a dbaccess session of its own.
set -euo pipefail

# The image's environment script (same documentation, "Notes to understand
# when creating a self contained system").
if [ -f /usr/local/bin/informix_inf.env ]; then
	. /usr/local/bin/informix_inf.env
fi

dbaccess - - <<'SQL'
CREATE DATABASE e2e_log WITH LOG;
CREATE DATABASE e2e_nolog;
CREATE DATABASE e2e_ansi WITH LOG MODE ANSI;
SQL

DB_LOCALE=en_US.utf8 dbaccess - - <<'SQL'
CREATE DATABASE e2e_utf8 WITH LOG;
SQL
