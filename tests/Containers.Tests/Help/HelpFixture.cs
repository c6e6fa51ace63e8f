using System.Text.RegularExpressions;
using System.Xml.Linq;
using Containers.HelpBuilder;
using Containers.HelpBuilder.Metadata;
using Containers.Tests.Metadata;

namespace Containers.Tests.Help
{
    /// <summary>One run of the help builder over docs/ and the compiled cmdlets, shared by the Help tests.</summary>
    public sealed class HelpFixture
    {
        public HelpFixture()
        {
            RepositoryRoot = CmdletMetadata.SettingOf("RepositoryRoot");
            Cmdlets = CmdletReader.ReadBuilt();
            Docs = HelpBuild.ReadDocs(RepositoryRoot);
            Build = HelpBuild.Run(Cmdlets, Docs);
            Maml = XDocument.Parse(Build.Files.Single(f => f.RelativePath == HelpBuild.HelpFolder + "/" + HelpBuild.MamlFileName).Content);
            ExportedCmdlets = ReadExportedCmdlets(RepositoryRoot);
        }

        public string RepositoryRoot { get; }

        /// <summary>The cmdlets as the builder reads them.</summary>
        public IReadOnlyList<CmdletDefinition> Cmdlets { get; }

        /// <summary>docs/*.md as read: file name to text.</summary>
        public IReadOnlyDictionary<string, string> Docs { get; }

        public HelpBuildResult Build { get; }

        /// <summary>The problems the build reports when docs/ holds <paramref name="text"/> as <paramref name="fileName"/> instead.</summary>
        public IReadOnlyList<Containers.HelpBuilder.Checks.HelpProblem> ProblemsWith(string fileName, string text)
        {
            var docs = Docs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            docs[fileName] = text;
            return HelpBuild.Run(Cmdlets, docs).Problems;
        }

        /// <summary>The MAML the builder produces now (what en-US/Containers.dll-Help.xml must hold).</summary>
        public XDocument Maml { get; }

        /// <summary>CmdletsToExport of Containers.psd1.</summary>
        public IReadOnlyList<string> ExportedCmdlets { get; }

        private static IReadOnlyList<string> ReadExportedCmdlets(string root)
        {
            string manifest = File.ReadAllText(Path.Combine(root, "Containers.psd1"));
            Match list = Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\((?<names>[^)]*)\)");
            if (!list.Success)
            {
                throw new InvalidOperationException("Containers.psd1 has no CmdletsToExport list.");
            }

            return Regex.Matches(list.Groups["names"].Value, @"'([^']+)'").Select(m => m.Groups[1].Value).OrderBy(n => n, StringComparer.Ordinal).ToList();
        }
    }
}
