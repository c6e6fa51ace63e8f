namespace Containers.PowerShell.Tests.Fixtures
{
    /// <summary>
    /// A host record as New-ContainerHost writes one (host.json, FormatVersion 1) for an Ssh host at a documentation
    /// address (192.0.2.15): enough for what reads the store (completion, Get-ContainerHost, the question Remove-ContainerHost
    /// asks) without a machine behind it.
    /// </summary>
    public static class HostRecords
    {
        /// <returns>The host's folder in the store.</returns>
        public static string Write(string storeRoot, string name)
        {
            string folder = Path.Combine(storeRoot, "hosts", name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "host.json"), $@"{{
  ""FormatVersion"": 1,
  ""Name"": ""{name}"",
  ""Driver"": ""Ssh"",
  ""Address"": ""192.0.2.15"",
  ""Ports"": {{ ""Engine"": 2376, ""Ssh"": 22 }},
  ""DriverSettings"": {{}},
  ""Created"": ""2026-12-06T00:00:00Z"",
  ""ServerNames"": [ ""192.0.2.15"" ],
  ""ServerCertificateFingerprint"": ""00"",
  ""SshHostKey"": null
}}");
            return folder;
        }
    }
}
