using Containers.HelpBuilder.Checks;
using Xunit;

namespace Containers.Tests.Help
{
    /// <summary>What the example check sees in PowerShell code: our cmdlets and the parameters passed to each.</summary>
    public class ExampleCommandScannerTests
    {
        private static readonly string[] Known = { "Get-Container", "Stop-Container", "Invoke-ContainerCommand", "New-Container" };

        private static string[] Scan(string code) =>
            ExampleCommandScanner.Scan(code, Known).Select(u => u.ToString()).ToArray();

        [Fact]
        public void Parameters_belong_to_the_command_before_them_until_a_pipe()
        {
            Assert.Equal(
                new[] { "Get-Container", "Get-Container -All", "Stop-Container", "Stop-Container -Confirm" },
                Scan("Get-Container -All | Where-Object State -eq 'exited' | Stop-Container -Confirm:$false"));
        }

        [Fact]
        public void Text_in_strings_and_comments_is_not_a_parameter()
        {
            Assert.Equal(
                new[] { "Invoke-ContainerCommand", "Invoke-ContainerCommand -Name", "Invoke-ContainerCommand -Command" },
                Scan("Invoke-ContainerCommand -Name web -Command 'sh', '-c', \"echo `\"-x`\"\" # -NotAParameter\n<# -Nor -This #>"));
        }

        [Fact]
        public void A_command_in_brackets_keeps_its_own_parameters()
        {
            Assert.Equal(
                new[] { "Stop-Container", "Stop-Container -Name", "Get-Container", "Get-Container -All", "Stop-Container -Force" },
                Scan("Stop-Container -Name (Get-Container -All).Name -Force"));
        }

        [Fact]
        public void A_backtick_continues_a_command_on_the_next_line()
        {
            Assert.Equal(
                new[] { "New-Container", "New-Container -Image", "New-Container -Environment", "New-Container -Memory" },
                Scan("New-Container -Image nginx `\n    -Environment @{ TZ = 'UTC' } `\n    -Memory 1GB\n$LASTEXITCODE -eq 0"));
        }

        [Fact]
        public void A_name_shaped_like_ours_that_the_module_lacks_is_reported()
        {
            Assert.Equal(new[] { "Get-ContainerImage", "Get-ContainerImage -All" }, Scan("Get-ContainerImage -All"));
        }
    }
}
