#!/usr/bin/env bash
# Multi-GPU benchmark for the Falcon-7B QLoRA recipe (random weights of the real shapes):
# 1 GPU vs DDP on 2 GPUs at the same global batch (64 rows/step), then FSDP + QLoRA memory per GPU.
# Run on a 2-GPU machine from the repo root, with the bitsandbytes wheel in .whl/ and the dataset
# (JSONL) + SmolLM2 tokenizer in .gpudata/ (see bench/README.md). Results land in $OUT (or ./out).
set -uo pipefail
OUT=${OUT:-$PWD/out}; mkdir -p "$OUT"
export NCCL_NVLS_ENABLE=0 TORCH_SYMM_MEM_DISABLE_MULTICAST=1 NVSHMEM_DISABLE_NVLS=1
export MINDTUNE_DATA_DIR=$PWD/.gpudata MINDTUNE_CACHE=/tmp/mtcache HF_HUB_OFFLINE=1
export PYTHONUNBUFFERED=1 TOKENIZERS_PARALLELISM=false
STEPS=${STEPS:-8}
COMMON=(--config configs/falcon-7b-qlora.yaml --max-steps "$STEPS"
        --set model.init=random --set "model.tokenizer=$PWD/.gpudata/tokenizer"
        --set train.eval_steps=0 --set train.save_steps=0 --set train.logging_steps=1
        --set data.eval_fraction=0.1 --set train.keep_best=false)
smi() { nvidia-smi --query-gpu=index,memory.used --format=csv,noheader,nounits -lms 500 > "$OUT/smi-$1.csv" & echo $!; }

python3 -c "from mindtune.model import random_dir; print(random_dir('falcon-7b'))"   # once, cached

ONLY=${ONLY:-all}
if [ "$ONLY" = all ]; then
p=$(smi 1gpu); CUDA_VISIBLE_DEVICES=0 python3 -m mindtune.cli train "${COMMON[@]}" \
  --overwrite --output-dir /tmp/r-1gpu > "$OUT/1gpu.log" 2>&1; echo "1gpu rc=$?"; kill $p
cp /tmp/r-1gpu/metrics.jsonl "$OUT/metrics-1gpu.jsonl" 2>/dev/null

p=$(smi ddp); torchrun --nproc_per_node 2 -m mindtune.cli train "${COMMON[@]}" \
  --set train.grad_accum=2 --overwrite --output-dir /tmp/r-ddp > "$OUT/ddp.log" 2>&1; echo "ddp rc=$?"; kill $p
cp /tmp/r-ddp/metrics.jsonl "$OUT/metrics-ddp.jsonl" 2>/dev/null

fi
p=$(smi fsdp); accelerate launch --config_file configs/accelerate/fsdp_qlora.yaml \
  -m mindtune.cli train "${COMMON[@]}" --max-steps 4 --set train.grad_accum=2 \
  --set quant.storage_dtype=bfloat16 --overwrite --output-dir /tmp/r-fsdp > "$OUT/fsdp.log" 2>&1
echo "fsdp rc=$?"; kill $p
cp /tmp/r-fsdp/metrics.jsonl "$OUT/metrics-fsdp.jsonl" 2>/dev/null
python3 bench/check_adapter.py /tmp/r-fsdp/adapter 2>&1 | grep -v Loading | tee "$OUT/fsdp-adapter.txt"

python3 bench/multi_gpu_table.py "$OUT" | tee "$OUT/table.md"
