using Xunit;

namespace Containers.PowerShell.Tests.BadInput
{
    /// <summary>
    /// The bad-input rows compare everything on the shared engine before and after each row, so nothing else may run
    /// meanwhile: this collection runs by itself, after the parallel ones.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class BadInputCollection
    {
        public const string Name = "Bad input";
    }
}
