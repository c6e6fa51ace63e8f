using Xunit;

namespace Containers.Tests.Views
{
    public class OutputTypeViewTests : IClassFixture<ViewFixture>
    {
        private readonly ViewFixture _files;

        public OutputTypeViewTests(ViewFixture files)
        {
            _files = files;
        }

        [Fact]
        public void Every_output_type_has_a_table_or_list_view() =>
            Assert.Empty(ViewRules.OutputTypesWithoutViews(_files.Module.Cmdlets, _files.Views, _files.Module));

        [Fact]
        public void Every_type_with_a_table_view_also_has_a_list_view() =>
            Assert.Empty(ViewRules.TablesWithoutLists(_files.Views));
    }
}
