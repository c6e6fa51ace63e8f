using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Serialization
{
    /// <summary>
    /// What PowerShell's own serializers make of the module's objects: ConvertTo-Json, Export-Clixml (and job output, which
    /// is the same serializer), Export-Csv. The engine an object carries is written as its name (or, in JSON, as its four
    /// facts), never a client or certificate; lists and labels read as text in CSV; and what is read back binds to the
    /// cmdlets and reaches the engine it names.
    /// </summary>
    public sealed class SerializationTests
    {
        // Four running containers with two published ports, two labels, a network and a volume (they stop at once on
        // SIGTERM); the volume and the network with labels; the test image.
        private const string MakeObjects = @"
            $network = New-ContainerNetwork -Name ""$Prefix-net"" -Label @{ a = '1'; b = '2' }
            $volume = New-ContainerVolume -Name ""$Prefix-vol"" -Label @{ a = '1'; b = '2' }
            $made = 1..4 | ForEach-Object {
                New-Container -Image $TestImage -Name ""$Prefix-c$_"" -Command sh,-c,'trap ""exit 0"" TERM; sleep 60 & wait' -Port '127.0.0.1::80', '127.0.0.1::81' -Label @{ a = '1'; b = '2' } -Network $network -Volume ""${volume}:/data""
            } | Start-Container -PassThru
            $containers = Get-Container -All -Name ""$Prefix-c*"" | Sort-Object Name
            $images = Get-ContainerImage -Name $TestImage
            $volumes = Get-ContainerVolume -Name ""$Prefix-vol""
            $networks = Get-ContainerNetwork -Name ""$Prefix-net""
        ";

        [Fact]
        public async Task ConvertTo_Json_writes_the_engine_as_its_four_facts_and_no_client_or_certificate()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(MakeObjects + @"
                ($containers | ConvertTo-Json)
                ($containers | ConvertTo-Json | ConvertFrom-Json)[0].Engine | ConvertTo-Json -Compress
                ($images | ConvertTo-Json), ($volumes | ConvertTo-Json), ($networks | ConvertTo-Json)").AssertNoErrors();

            string containers = (string)result.Output[0].BaseObject;
            Assert.True(containers.Length < 12_000, $"4 containers as JSON: {containers.Length} characters");
            Assert.Equal(
                "{\"Name\":\"" + session.Engine.DockerHost + "\",\"Uri\":\"" + session.Engine.DockerHost + "\",\"Source\":\"DOCKER_HOST\",\"UsesTls\":false}",
                (string)result.Output[1].BaseObject);
            foreach (string json in result.Output.Select(item => (string)item.BaseObject).Where((_, index) => index != 1))
            {
                Assert.DoesNotContain("HasPrivateKey", json, StringComparison.Ordinal);
                Assert.DoesNotContain("Certificate", json, StringComparison.Ordinal);
                Assert.DoesNotContain("\"Client\"", json, StringComparison.Ordinal);
                Assert.DoesNotContain("\"Tls\"", json, StringComparison.Ordinal);
                Assert.DoesNotContain("System.", json, StringComparison.Ordinal);
            }
        }

        [Fact]
        public async Task Export_Clixml_writes_the_engine_as_its_name_and_stays_small()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(MakeObjects + @"
                $file = Join-Path ([IO.Path]::GetTempPath()) ""$Prefix.clixml""
                $containers | Select-Object -First 2 | Get-ContainerDetail | Export-Clixml -Path $file
                try {
                    (Get-Item $file).Length
                    $text = Get-Content -Raw $file
                    $text.Contains('HasPrivateKey'), $text.Contains('X509'), $text.Contains('EngineClient')
                    # <S N=""Engine"">NAME</S>, or <Obj N=""Engine"" RefId=""n""><S>NAME</S></Obj> when PowerShell had wrapped it.
                    ([regex]::Matches($text, '<(?:S|Obj) N=""Engine""[^>]*>(?:\s*<S>)?([^<]*)<') | ForEach-Object { $_.Groups[1].Value }) -join ','
                    [regex]::Matches($text, 'N=""Engine""').Count
                    $back = Import-Clixml -Path $file
                    $back[0].Engine.GetType().FullName, $back[0].Engine
                    $back[0].Labels['b'], $back[0].Ports.Count
                } finally { Remove-Item $file }").AssertNoErrors();

            long size = (long)result.Output[0].BaseObject;
            // Most of it is the engine's own HostConfig, Config and NetworkSettings a detail keeps whole; the engine is one string.
            Assert.True(size < 30_000, $"2 details as Clixml: {size} bytes");
            Assert.Equal(
                new object[] { false, false, false, session.Engine.DockerHost + "," + session.Engine.DockerHost, 2, "System.String", session.Engine.DockerHost, "2", 2 },
                result.Output.Skip(1).Select(item => item.BaseObject).ToArray());
        }

        [Fact]
        public async Task Export_Csv_writes_ports_labels_networks_tags_and_the_engine_as_text()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(MakeObjects + @"
                $rows = $containers | ConvertTo-Csv | ConvertFrom-Csv
                $rows[0].Ports, $rows[0].Labels, $rows[0].Networks, $rows[0].Engine
                ($images | ConvertTo-Csv | ConvertFrom-Csv)[0].RepoTags
                $v = ($volumes | ConvertTo-Csv | ConvertFrom-Csv)[0]; $v.Labels, $v.Engine
                $n = ($networks | ConvertTo-Csv | ConvertFrom-Csv)[0]; $n.Labels, $n.Subnet
                $details = ($containers[0] | Get-ContainerDetail), (Get-ContainerImageDetail -Name $TestImage)
                ($containers, $images, $volumes, $networks, $details | ForEach-Object { $_ | ConvertTo-Csv }) -match 'System\.' | Measure-Object | ForEach-Object Count
                $c = $containers[0]
                $c.Labels['a'], ($c.Ports | Where-Object PrivatePort -eq 80).PrivatePort, $c.Networks[0]
                ($details[0] | ConvertTo-Csv | ConvertFrom-Csv).Mounts").AssertNoErrors();

            object[] values = result.Output.Select(item => item.BaseObject).ToArray();
            Assert.True(values.Length == 14, string.Join(" | ", values));
            Assert.Matches(@"^127\.0\.0\.1:\d+->80/tcp, 127\.0\.0\.1:\d+->81/tcp$", (string)values[0]);
            Assert.Equal("a=1;b=2", values[1]);
            Assert.Equal(session.Prefix + "-net", values[2]);
            Assert.Equal(session.Engine.DockerHost, values[3]);
            Assert.Contains(session.Engine.Image, (string)values[4], StringComparison.Ordinal);
            Assert.Equal(new object[] { "a=1;b=2", session.Engine.DockerHost, "a=1;b=2" }, values.Skip(5).Take(3).ToArray());
            Assert.Matches(@"^\d+\.\d+\.\d+\.\d+/\d+$", (string)values[8]);
            Assert.Equal(0, values[9]);
            Assert.Equal(new object[] { "1", 80, session.Prefix + "-net", session.Prefix + "-vol:/data" }, values.Skip(10).ToArray());
        }

        [Fact]
        public async Task Rows_read_back_by_Import_Csv_bind_by_property_name_and_reach_the_engine_they_name()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(MakeObjects + @"
                $file = Join-Path ([IO.Path]::GetTempPath()) ""$Prefix.csv""
                $containers | Select-Object -First 2 | Export-Csv -Path $file
                try {
                    (Import-Csv $file | Get-ContainerDetail).State
                    Import-Csv $file | Stop-Container -PassThru -Confirm:$false | ForEach-Object State
                } finally { Remove-Item $file }").AssertNoErrors();
            Assert.Equal(new object[] { "running", "running", "exited", "exited" }, result.Output.Select(item => item.BaseObject).ToArray());

            // The Engine column is what routes a row: a row naming an engine that does not answer fails there.
            RunResult elsewhere = session.Run(@"
                Get-Container -All -Name ""$Prefix-c1"" | ConvertTo-Csv | ConvertFrom-Csv |
                    ForEach-Object { $_.Engine = 'tcp://127.0.0.1:1'; $_ } | Get-ContainerDetail");
            ErrorRecord error = (elsewhere.Terminating ?? Assert.Single(elsewhere.Errors))!;
            Assert.StartsWith("EngineUnreachable", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Deserialized_objects_as_job_output_has_them_bind_to_the_cmdlets_and_reach_their_engine()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(MakeObjects + @"
                function RoundTrip($o) { [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($o)) }
                $back = RoundTrip $containers[0]
                $back.PSObject.TypeNames[0], $back.Engine.GetType().Name
                ($back | Stop-Container -PassThru -Confirm:$false).State
                ($back | Start-Container -PassThru).State
                ($back | Get-ContainerDetail).State
                $info = RoundTrip (Get-ContainerEngine)
                (Get-Container -All -Engine $info -Name ""$Prefix-c2"").Name
                $image = RoundTrip $images[0]
                ($image | Get-ContainerImage).Id -eq $images[0].Id
                $vol = RoundTrip $volumes[0]
                ($vol | Get-ContainerVolume).Name
                $net = RoundTrip $networks[0]
                ($net | Get-ContainerNetwork).Name").AssertNoErrors();

            Assert.Equal(
                new object[]
                {
                    "Deserialized.Containers.Models.Container", "String", "exited", "running", "running",
                    session.Prefix + "-c2", true, session.Prefix + "-vol", session.Prefix + "-net",
                },
                result.Output.Select(item => item.BaseObject).ToArray());
        }
    }
}
