using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("RweStats.Tests.LongRunningFirst", "RweStats.Tests")]

namespace RweStats.Tests;

/// <summary>
/// Marks a test class (or a collection definition) whose tests together take long: its collection is started before
/// the others. xunit runs a collection's tests one after another, as many collections at a time as there are cores;
/// a long collection started last runs alone at the end while the other cores are idle (longest first is the classic
/// rule for scheduling jobs on a few machines).
/// </summary>
/// <param name="seconds">The collection's cost relative to the others: the sum of its tests' durations in a measured
/// run of the whole suite (on a loaded machine; only the order matters).</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LongRunningAttribute(int seconds) : Attribute
{
    public int Seconds { get; } = seconds;
}

/// <summary>Orders the test collections: those marked <see cref="LongRunningAttribute"/> first, longest first; the
/// others after them in xunit's default order (by the collection's id).</summary>
public sealed class LongRunningFirst : ITestCollectionOrderer
{
    const string PerClassPrefix = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderByDescending(Seconds).ThenBy(c => c.UniqueID.ToString(), StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>A named collection carries the mark on its definition class; a class's own collection on the class.</summary>
    static int Seconds(ITestCollection collection)
    {
        var type = collection.CollectionDefinition?.ToRuntimeType()
            ?? (collection.DisplayName.StartsWith(PerClassPrefix, StringComparison.Ordinal)
                ? typeof(LongRunningFirst).Assembly.GetType(collection.DisplayName[PerClassPrefix.Length..]) : null);
        return type?.GetCustomAttributes(typeof(LongRunningAttribute), inherit: false) is [LongRunningAttribute mark] ? mark.Seconds : 0;
    }
}
