using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Files
{
    /// <summary>Copy-ContainerItem, Export-Container and ConvertTo-ContainerImage through PowerShell, piped from the container cmdlets.</summary>
    public sealed class ContainerFileTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "cte-files-" + Guid.NewGuid().ToString("N").Substring(0, 8));

        public ContainerFileTests() => Directory.CreateDirectory(_folder);

        [Fact]
        public async Task Files_go_into_a_container_and_back_out_with_piped_paths()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            File.WriteAllText(Path.Combine(_folder, "a.txt"), "alpha\n");
            File.WriteAllText(Path.Combine(_folder, "b.txt"), "beta\n");
            RunResult result = session.Run(@"
                $null = Invoke-ContainerImage -Image $TestImage -Name ""$Prefix-cp"" -Command sleep, 300 -Detach
                $in = Get-ChildItem -Path $folder -Filter *.txt | Copy-ContainerItem -ToContainer ""$Prefix-cp"" -Destination /tmp -PassThru
                $in | Sort-Object Name | ForEach-Object { $_.GetType().Name + ':' + $_.Path }
                Invoke-ContainerCommand -Name ""$Prefix-cp"" -Command cat, /tmp/a.txt, /tmp/b.txt
                $out = Join-Path $folder out
                $null = New-Item -ItemType Directory -Path $out
                [pscustomobject]@{ ContainerName = ""$Prefix-cp""; Path = '/tmp/b.txt' } | Copy-ContainerItem -Destination $out -PassThru | ForEach-Object Name
                Get-Content (Join-Path $out b.txt)", new System.Collections.Generic.Dictionary<string, object?> { ["folder"] = _folder }).AssertNoErrors();

            Assert.Equal(
                new object[] { "ContainerItem:/tmp/a.txt", "ContainerItem:/tmp/b.txt", "alpha", "beta", "b.txt", "beta" },
                result.Output.Select(item => item.BaseObject).ToArray());
        }

        [Fact]
        public async Task Export_writes_the_filesystem_and_ConvertTo_ContainerImage_commits_a_piped_container()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string tar = Path.Combine(_folder, "rootfs.tar");
            RunResult result = session.Run(@"
                $c = Invoke-ContainerImage -Image $TestImage -Name ""$Prefix-x"" -Command sh, -c, 'echo made > /made.txt; sleep 300' -Detach
                $null = Invoke-ContainerCommand -Name ""$Prefix-x"" -Command sh, -c, 'while [ ! -f /made.txt ]; do sleep 0.1; done'
                ($c | Export-Container -Path $tar -PassThru).Name
                Export-Container -Name ""$Prefix-x"" -Path $tar
                $image = $c | ConvertTo-ContainerImage -Repository ""localhost/$Prefix/committed"" -Tag v1 -Change 'ENV FROM_COMMIT=yes' -Message 'from a test'
                $image.Name
                Invoke-ContainerImage -Image $image.Name -Command sh, -c, 'cat /made.txt; echo $FROM_COMMIT' -Remove
                ConvertTo-ContainerImage -Name ""$Prefix-x"" -Repository ""localhost/$Prefix/whatif"" -WhatIf
                @(Get-ContainerImage -Name ""localhost/$Prefix/whatif*"").Count", new System.Collections.Generic.Dictionary<string, object?> { ["tar"] = tar });

            // A second export without -Force refuses to replace the file.
            ErrorRecord exists = Assert.Single(result.Errors);
            Assert.Equal(ErrorCategory.ResourceExists, exists.CategoryInfo.Category);
            Assert.Null(result.Terminating);
            Assert.Equal(
                new object[] { "rootfs.tar", $"localhost/{session.Prefix}/committed:v1", "made", "yes", 0 },
                result.Output.Select(item => item.BaseObject).ToArray());
            Assert.True(new FileInfo(tar).Length > 100_000);
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }
}
