"""Detects a database file on a network file system, where SQLite's WAL mode is unsafe (brief §7)."""

import os
import sys
from pathlib import Path, PureWindowsPath

# File system types in /proc/mounts that are network or user-space remote mounts.
NETWERK_TYPES = {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "9p", "davfs",
                 "fuse.sshfs", "fuse.davfs2", "fuse.rclone", "glusterfs", "ceph", "lustre"}


def _is_unc(pad: str) -> bool:
    p = PureWindowsPath(pad)
    return pad.startswith(("\\\\", "//")) and bool(p.drive)


def _windows_netwerkstation(pad: Path) -> bool:
    import ctypes

    drive = os.path.splitdrive(str(pad.resolve()))[0]
    if not drive:
        return False
    DRIVE_REMOTE = 4
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE


def _mounttype(pad: Path, mounts: str) -> str | None:
    """The file system type of the longest mount point that contains `pad`."""
    beste, soort = "", None
    doel = str(pad)
    for regel in mounts.splitlines():
        delen = regel.split()
        if len(delen) < 3:
            continue
        punt = delen[1].replace("\\040", " ")
        if (doel == punt or doel.startswith(punt.rstrip("/") + "/")) and len(punt) >= len(beste):
            beste, soort = punt, delen[2]
    return soort


def op_netwerkschijf(pad: str | os.PathLike, mounts: str | None = None) -> bool:
    """True for a UNC path, a mapped network drive, or a file on an NFS/SMB/other network mount."""
    tekst = str(pad)
    if _is_unc(tekst):
        return True
    pad = Path(tekst).expanduser().resolve()
    if sys.platform == "win32" and mounts is None:
        try:
            return _windows_netwerkstation(pad)
        except (OSError, AttributeError):
            return False
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False  # macOS and others: no cheap check; WAL stays on
    soort = _mounttype(pad, mounts)
    return soort is not None and (soort in NETWERK_TYPES or soort.startswith("nfs") or soort.startswith("smb"))
