using System.Reflection;
using Containers.Output;
using Xunit;

namespace Containers.Tests.Metadata
{
    /// <summary>
    /// The core reports errors as <see cref="ErrorKind"/>, and the cmdlet layer (Hosting/ErrorRecords) turns each into the
    /// ErrorCategory of the same name, falling back to NotSpecified when there is none: a new ErrorKind without a twin in
    /// ErrorCategory would silently report NotSpecified. The names are checked against PowerShellStandard.Library, the
    /// API Windows PowerShell 5.1 and PowerShell 7 share, so the twin exists in both.
    /// </summary>
    public class ErrorKindCategoryTests : IClassFixture<CmdletMetadataFixture>
    {
        private readonly CmdletMetadata _metadata;

        public ErrorKindCategoryTests(CmdletMetadataFixture fixture)
        {
            _metadata = fixture.Metadata;
        }

        [Fact]
        public void Every_ErrorKind_has_an_ErrorCategory_of_the_same_name()
        {
            string[] categories = _metadata.PowerShellStandard.GetType("System.Management.Automation.ErrorCategory", throwOnError: true)!
                .GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(field => field.Name)
                .ToArray();
            Assert.Contains("ObjectNotFound", categories);
            Assert.Empty(Enum.GetNames(typeof(ErrorKind)).Except(categories, StringComparer.Ordinal));
        }
    }
}
