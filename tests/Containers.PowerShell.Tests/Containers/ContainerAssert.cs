using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Containers
{
    /// <summary>Assertions about containers that several of these tests make.</summary>
    internal static class ContainerAssert
    {
        /// <summary>The container is gone: Get-Container says so with ContainerNotFound (not any error at all).</summary>
        public static void Gone(ModuleSession session, string name)
        {
            RunResult result = session.Run($"Get-Container -All -Name \"{name}\"");
            Assert.Empty(result.Output);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ContainerNotFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        }
    }
}
