using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Views
{
    /// <summary>
    /// Get-Container's table as a console of 80 and of 120 columns shows it (issue 10, 3a): the name first and whole,
    /// Status and Created in docker's words and never cut mid-word; what does not fit drops off as whole columns.
    /// </summary>
    public sealed class ContainerTableTests
    {
        // docker's "2 minutes ago", "About an hour ago", as whole words.
        private const string CreatedWords = @"^(Less than a second|1 second|\d+ seconds|About a minute|\d+ minutes|About an hour|\d+ hours) ago$";

        [Fact]
        public async Task A_31_character_name_is_whole_at_80_and_120_columns_with_Status_and_Created_whole()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string name = session.Prefix + "-payments-reconciler1";
            Assert.Equal(31, name.Length);
            RunResult result = session.Run(@"
                New-Container -Image $TestImage -Name $name -Command sh,-c,'sleep 300' | Start-Container
                New-Container -Image $TestImage -Name ""$Prefix-done"" -Command sh,-c,'exit 3' | Start-Container -PassThru | Wait-Container | Out-Null
                $listed = Get-Container -All -Name ""$Prefix*""
                $listed | Out-String -Width 80
                $listed | Out-String -Width 120
                $listed | Format-Table | Out-String -Width 80
                Get-Container -Name $name | Out-String -Width 80",
                new System.Collections.Generic.Dictionary<string, object?> { ["name"] = name }).AssertNoErrors();
            string[] texts = result.Output.Select(item => (string)item.BaseObject).ToArray();
            Assert.Equal(4, texts.Length);

            RenderedTable wide = RenderedTable.Parse(texts[1]);
            Assert.Equal(new[] { "Name", "Image", "Status", "Created", "Ports" }, wide.Labels);
            Assert.True(wide.Width <= 120, wide.Text);
            Assert.Equal(name, wide.Cell(name, "Name"));
            Assert.Matches(@"^Up (Less than a second|1 second|\d+ seconds|About a minute|\d+ minutes)$", wide.Cell(name, "Status"));
            Assert.Matches(CreatedWords, wide.Cell(name, "Created"));
            Assert.Equal("Exited (3)", wide.Cell(session.Prefix + "-done", "Status"));
            Assert.Matches(CreatedWords, wide.Cell(session.Prefix + "-done", "Created"));

            // At 80 columns Name, Image and Status fill the line; Created is left out whole, not cut to "Less…".
            foreach (string text in new[] { texts[0], texts[2], texts[3] })
            {
                RenderedTable narrow = RenderedTable.Parse(text);
                Assert.Equal(new[] { "Name", "Image", "Status" }, narrow.Labels);
                Assert.True(narrow.Width <= 80, narrow.Text);
                Assert.Equal(name, narrow.Cell(name, "Name"));
                Assert.Matches(@"^Up ", narrow.Cell(name, "Status"));
                Assert.DoesNotContain("\u2026", narrow.Cell(name, "Status"));
            }

            Assert.Equal("Exited (3)", RenderedTable.Parse(texts[0]).Cell(session.Prefix + "-done", "Status"));
        }

        [Fact]
        public async Task The_detail_table_also_puts_the_name_first_and_whole()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string name = session.Prefix + "-payments-reconciler2";
            RunResult result = session.Run(@"
                New-Container -Image $TestImage -Name $name -Command sh,-c,'exit 0' | Out-Null
                $detail = Get-ContainerDetail -Name $name
                $detail | Format-Table | Out-String -Width 80
                $detail | Format-Table | Out-String -Width 120",
                new System.Collections.Generic.Dictionary<string, object?> { ["name"] = name }).AssertNoErrors();

            RenderedTable narrow = RenderedTable.Parse((string)result.Output[0].BaseObject);
            Assert.Equal(new[] { "Name", "Image", "State", "ExitCode" }, narrow.Labels);
            Assert.Equal(name, narrow.Cell(name, "Name"));
            Assert.Equal("created", narrow.Cell(name, "State"));
            RenderedTable wide = RenderedTable.Parse((string)result.Output[1].BaseObject);
            Assert.Equal(new[] { "Name", "Image", "State", "ExitCode", "StartedAt", "IPAddress" }, wide.Labels);
            Assert.Equal(name, wide.Cell(name, "Name"));
        }
    }
}
