"""Check a Falcon-7B run's adapter on the GPU machine: tensor count, trained (non-zero) B
matrices, and that PEFT loads it onto the random-weight base with the saved values.
Usage: python3 bench/check_adapter.py RUN/adapter   (bench_multi_gpu.sh runs it after FSDP)"""

import sys
import warnings

import torch
from peft import PeftModel
from safetensors.torch import load_file
from transformers import AutoModelForCausalLM

adapter = sys.argv[1]
saved = load_file(f"{adapter}/adapter_model.safetensors")
b_keys = [k for k in saved if "lora_B" in k]
nonzero = sum(bool(saved[k].abs().sum() > 0) for k in b_keys)
print(f"adapter tensors: {len(saved)}; trained B matrices (non-zero): {nonzero}/{len(b_keys)}")
base = AutoModelForCausalLM.from_pretrained("/tmp/mtcache/random/falcon-7b-seed0",
                                            dtype=torch.bfloat16, device_map="cuda:0")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    model = PeftModel.from_pretrained(base, adapter)
print("key warnings on load:", [str(w.message)[:200] for w in caught if "key" in str(w.message)])
state = model.state_dict()
same = sum(torch.equal(state[k.replace(".weight", ".default.weight")].cpu(),
                       v.to(state[k.replace(".weight", ".default.weight")].dtype))
           for k, v in saved.items())
print(f"loaded tensors equal to the saved ones: {same}/{len(saved)}")
