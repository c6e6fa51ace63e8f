using Xunit;

namespace Containers.Tests.Views
{
    /// <summary>Views and type extensions name types and properties that exist: a typo would only ever show as a blank.</summary>
    public class ViewTargetTests : IClassFixture<ViewFixture>
    {
        private readonly ViewFixture _files;

        public ViewTargetTests(ViewFixture files)
        {
            _files = files;
        }

        [Fact]
        public void Every_type_named_is_a_public_type_of_the_module() =>
            Assert.Empty(ViewRules.UnknownTypes(_files.Views, _files.Extensions, _files.Module));

        [Fact]
        public void Every_property_named_exists_on_its_type() =>
            Assert.Empty(ViewRules.MissingMembers(_files.Views, _files.Extensions, _files.Module));
    }
}
