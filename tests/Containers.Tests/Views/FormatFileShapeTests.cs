using Xunit;

namespace Containers.Tests.Views
{
    public class FormatFileShapeTests : IClassFixture<ViewFixture>
    {
        private readonly ViewFixture _files;

        public FormatFileShapeTests(ViewFixture files)
        {
            _files = files;
        }

        [Fact]
        public void The_format_file_is_well_formed_and_shaped_as_PowerShell_loads_it()
        {
            Assert.NotEmpty(_files.Views);
            Assert.Empty(ViewRules.FormatShape(_files.Format));
        }

        [Fact]
        public void The_types_file_is_well_formed_and_shaped_as_PowerShell_loads_it()
        {
            Assert.NotEmpty(_files.Extensions);
            Assert.Empty(ViewRules.TypesShape(_files.Types));
        }

        [Fact]
        public void No_type_has_two_views_of_the_same_kind() => Assert.Empty(ViewRules.DuplicateViews(_files.Views));
    }
}
