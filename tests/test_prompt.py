"""The one prompt builder: exact label positions, EOS kept, same ids for training and inference."""

from __future__ import annotations

import pytest

from mindtune.prompt import IGNORE, PromptBuilder, PromptError

CONV = [{"role": "user", "content": "How do I sleep better?"},
        {"role": "assistant", "content": "Keep a regular schedule."}]


@pytest.fixture(scope="module")
def tok():
    from mindtune.model import embedded_dir, load_tokenizer

    return load_tokenizer(str(embedded_dir()))


def _decoded_labels(tok, enc) -> str:
    return tok.decode([t for t in enc["labels"] if t != IGNORE])


@pytest.mark.parametrize("template", ["seed", "chat"])
def test_labels_cover_exactly_the_answer_and_its_end_token(tok, template: str) -> None:
    b = PromptBuilder(tok, template)
    enc = b.encode_example(CONV)
    assert len(enc["input_ids"]) == len(enc["labels"]) == len(enc["attention_mask"])
    trained = _decoded_labels(tok, enc)
    assert trained.strip().startswith("Keep a regular schedule.")
    assert trained.rstrip().endswith(tok.eos_token)  # the model learns to stop
    assert "How do I sleep" not in trained
    # the labelled positions are one contiguous run at the end
    idx = [i for i, t in enumerate(enc["labels"]) if t != IGNORE]
    assert idx == list(range(idx[0], idx[-1] + 1))
    assert idx[-1] >= len(enc["input_ids"]) - 2


def test_seed_format_matches_reference_plus_eos(tok) -> None:
    b = PromptBuilder(tok, "seed")
    text = b.render(CONV, add_generation_prompt=False)
    assert text == f"<HUMAN>: How do I sleep better?\n<ASSISTANT>: Keep a regular schedule.{tok.eos_token}"
    assert b.render(CONV[:1]) == "<HUMAN>: How do I sleep better?\n<ASSISTANT>:"


@pytest.mark.parametrize("template", ["seed", "chat"])
def test_inference_prompt_is_a_prefix_of_training_ids(tok, template: str) -> None:
    """Chat and training see the same ids: the prompt is exactly the unlabelled prefix."""
    b = PromptBuilder(tok, template, system_prompt="Be kind.")
    enc = b.encode_example(CONV)
    prompt = b.encode_prompt(CONV[:1])
    assert enc["input_ids"][: len(prompt)] == prompt
    assert all(lab == IGNORE for lab in enc["labels"][: len(prompt)])
    assert enc["labels"][len(prompt)] != IGNORE


def test_multi_turn_trains_every_answer(tok) -> None:
    conv = CONV + [{"role": "user", "content": "And naps?"},
                   {"role": "assistant", "content": "Short ones."}]
    enc = PromptBuilder(tok, "seed").encode_example(conv)
    trained = _decoded_labels(tok, enc)
    assert "Keep a regular schedule." in trained and "Short ones." in trained
    assert "And naps?" not in trained


def test_train_on_all_and_errors(tok) -> None:
    b = PromptBuilder(tok, "seed")
    enc = b.encode_example(CONV, train_on="all")
    assert IGNORE not in enc["labels"]
    with pytest.raises(PromptError, match="over data.max_length=5"):
        b.encode_example(CONV, max_length=5)
    with pytest.raises(PromptError, match="does not end with an assistant"):
        b.encode_example(CONV[:1])


def test_stop_ids_include_end_of_turn(tok) -> None:
    assert tok.convert_tokens_to_ids("<|im_end|>") in PromptBuilder(tok, "chat").stop_ids
    assert tok.eos_token_id in PromptBuilder(tok, "seed").stop_ids
