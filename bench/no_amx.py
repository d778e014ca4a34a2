"""Run a command as it would run on a CPU without AMX: the kernel refuses it the AMX tile state.

    .venv/bin/python bench/no_amx.py .venv/bin/vigyapti serve          # a first start, no AMX
    .venv/bin/python bench/no_amx.py .venv/bin/python bench/latency.py

A seccomp filter makes arch_prctl(ARCH_GET_XCOMP_PERM / ARCH_REQ_XCOMP_PERM) fail with EPERM, then
the command is exec'd (the filter stays with it and its children). oneDNN (torch) and MLAS (ONNX
Runtime) both ask for that permission before they use AMX tiles and fall back to AVX-512 (VNNI,
BF16) kernels when refused; `index.embeddings.cpu_flags` asks too, so `auto` chooses as it would
on such a CPU. What this is not: another CPU's caches, clocks and memory bandwidth.
"""
from __future__ import annotations

import ctypes
import os
import shutil
import sys


def refuse_amx() -> None:
    """Install the filter in this process (and everything it starts)."""
    class Filter(ctypes.Structure):
        _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte), ("k", ctypes.c_uint)]

    class Program(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(Filter))]

    ld, jeq, ret = 0x20, 0x15, 0x06  # BPF_LD|BPF_W|BPF_ABS, BPF_JMP|BPF_JEQ|BPF_K, BPF_RET|BPF_K
    allow, eperm = 0x7FFF0000, 0x00050001  # SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO | EPERM
    code = [
        (ld, 0, 0, 4), (jeq, 0, 5, 0xC000003E),  # seccomp_data.arch == AUDIT_ARCH_X86_64, else allow
        (ld, 0, 0, 0), (jeq, 0, 3, 158),  # nr == arch_prctl, else allow
        (ld, 0, 0, 16), (jeq, 2, 0, 0x1022), (jeq, 1, 0, 0x1023),  # args[0]: GET / REQ_XCOMP_PERM
        (ret, 0, 0, allow), (ret, 0, 0, eperm),
    ]
    filters = (Filter * len(code))(*[Filter(*c) for c in code])
    prog = Program(len(code), filters)
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(38, 1, 0, 0, 0) or libc.prctl(22, 2, ctypes.byref(prog), 0, 0):  # NO_NEW_PRIVS, SECCOMP
        raise OSError(ctypes.get_errno(), "could not install the seccomp filter")


def main() -> None:
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    command = sys.argv[1:]
    program = shutil.which(command[0]) or command[0]
    refuse_amx()
    os.execv(program, command)


if __name__ == "__main__":
    main()
