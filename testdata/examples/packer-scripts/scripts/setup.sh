#!/bin/sh
# Hardening and service set-up for the web image.
set -eu
systemctl enable nginx chrony
sed -i 's/^#\?PasswordAuthentication.*/PasswordAuthentication no/' /etc/ssh/sshd_config
echo "${IMAGE_VERSION:-unknown}" > /etc/image-version
