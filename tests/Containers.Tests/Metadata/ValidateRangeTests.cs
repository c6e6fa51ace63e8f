using System.Reflection;
using Xunit;

namespace Containers.Tests.Metadata
{
    /// <summary>
    /// PowerShell refuses a [ValidateRange] whose two bounds differ in type ("0, long.MaxValue" is an int and a long)
    /// when it first builds the cmdlet's metadata, so the cmdlet fails every call; the compiler accepts it silently.
    /// </summary>
    public class ValidateRangeTests : IClassFixture<CmdletMetadataFixture>
    {
        private readonly CmdletMetadata _metadata;

        public ValidateRangeTests(CmdletMetadataFixture fixture)
        {
            _metadata = fixture.Metadata;
        }

        [Fact]
        public void Every_ValidateRange_has_bounds_of_one_type() =>
            Assert.Empty(
                from cmdlet in _metadata.Cmdlets
                from property in cmdlet.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                let range = CmdletMetadata.Attribute(property, "ValidateRangeAttribute")
                where range != null && range.ConstructorArguments.Count == 2
                    && range.ConstructorArguments[0].ArgumentType != range.ConstructorArguments[1].ArgumentType
                select $"{cmdlet.Name} -{property.Name}: {range.ConstructorArguments[0].ArgumentType.Name} and {range.ConstructorArguments[1].ArgumentType.Name}");
    }
}
