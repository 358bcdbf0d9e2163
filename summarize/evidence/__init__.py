"""Stage 2, evidence: articles -> sentences, attribution relations, numbers and
near-duplicate passages, with stable ids and character offsets."""
