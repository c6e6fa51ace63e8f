using Containers.Tests.Metadata.CircleSamples.Lower;

namespace Containers.Tests.Metadata.CircleSamples.Upper
{
    /// <summary>
    /// Wrong on purpose, with <see cref="LowerSample"/>: a folder circle. This side uses the other only inside an async
    /// lambda, code the compiler moves into a closure class and a state machine nested in this type.
    /// </summary>
    public static class UpperSample
    {
        public static Func<Task<int>> Later() => async () =>
        {
            await Task.Yield();
            return LowerSample.NameLength();
        };
    }
}
