namespace LearningWeek.ApiDefaults.Http;

/// <summary>A page of a list; <c>Next</c> is the cursor (<c>after=</c>) of the following page, null at the end.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);
