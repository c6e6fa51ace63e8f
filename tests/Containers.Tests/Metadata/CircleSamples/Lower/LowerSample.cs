using Containers.Tests.Metadata.CircleSamples.Upper;

namespace Containers.Tests.Metadata.CircleSamples.Lower
{
    /// <summary>Wrong on purpose, with <see cref="UpperSample"/>: a folder circle; this side's use is a typeof in a method body.</summary>
    public static class LowerSample
    {
        public static int NameLength() => typeof(UpperSample).Name.Length;
    }
}
