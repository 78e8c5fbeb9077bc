"""Bridge from the process to the public record: a published decision becomes an editions.Result."""
