"""Articles to a Story: segmentation, similarity, candidates, alignment, sentence matching and unique spans."""
