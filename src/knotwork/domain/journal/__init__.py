"""What knotwork remembers about a person: plain, typed, storage-free records."""
