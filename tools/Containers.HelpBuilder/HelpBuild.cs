using Containers.HelpBuilder.About;
using Containers.HelpBuilder.Checks;
using Containers.HelpBuilder.Maml;
using Containers.HelpBuilder.Markdown;
using Containers.HelpBuilder.Metadata;
using Containers.HelpBuilder.Pages;

namespace Containers.HelpBuilder
{
    /// <summary>
    /// docs/*.md and the cmdlets in, en-US/ out: reads every page, checks it against its cmdlet, and produces the MAML,
    /// the about topics and the pages' SYNTAX sections. It only computes; writing is the program's job, comparing the
    /// tests'.
    /// </summary>
    public static class HelpBuild
    {
        public const string RegenerateCommand = "dotnet run --project tools/Containers.HelpBuilder -c Release";
        public const string DocsFolder = "docs";
        public const string HelpFolder = "en-US";
        public const string MamlFileName = HelpParity.ExternalHelpFile;

        public static HelpBuildResult Run(IReadOnlyList<CmdletDefinition> cmdlets, string repositoryRoot) => Run(cmdlets, ReadDocs(repositoryRoot));

        /// <summary>docs/*.md of the repository: file name to text.</summary>
        public static IReadOnlyDictionary<string, string> ReadDocs(string repositoryRoot)
        {
            string docs = Path.Combine(repositoryRoot, DocsFolder);
            string[] fileNames = Directory.Exists(docs)
                ? Directory.GetFiles(docs, "*.md").Select(Path.GetFileName).OfType<string>().ToArray()
                : Array.Empty<string>();
            return fileNames.ToDictionary(name => name, name => File.ReadAllText(Path.Combine(docs, name)), StringComparer.Ordinal);
        }

        /// <summary>The same build over given page texts (file name to text): the tests feed it broken pages.</summary>
        public static HelpBuildResult Run(IReadOnlyList<CmdletDefinition> cmdlets, IReadOnlyDictionary<string, string> texts)
        {
            string[] fileNames = texts.Keys.OrderBy(name => name, StringComparer.Ordinal).ToArray();

            bool IsAbout(string name) => name.StartsWith("about_", StringComparison.Ordinal);
            List<CommandPage> pages = fileNames.Where(name => !IsAbout(name)).Select(name => CommandPageReader.Read(name, texts[name])).ToList();
            var problems = HelpParity.Check(cmdlets, pages, fileNames).ToList();

            var pagesByName = pages.ToDictionary(page => page.Name, StringComparer.Ordinal);
            List<DocumentedCmdlet> documented = cmdlets
                .Where(cmdlet => pagesByName.ContainsKey(cmdlet.Name))
                .Select(cmdlet => new DocumentedCmdlet(cmdlet, pagesByName[cmdlet.Name]))
                .ToList();

            var files = new List<GeneratedFile>
            {
                new GeneratedFile(HelpFolder + "/" + MamlFileName, MamlWriter.Write(documented)),
            };

            foreach (string name in fileNames.Where(IsAbout))
            {
                MarkdownDocument about = MarkdownParser.Parse(texts[name]);
                problems.AddRange(AboutTopicChecks.Check(name, about));
                files.Add(new GeneratedFile(HelpFolder + "/" + Path.GetFileNameWithoutExtension(name) + ".help.txt", AboutTextWriter.Write(about)));
            }

            foreach (DocumentedCmdlet command in documented)
            {
                files.Add(new GeneratedFile(DocsFolder + "/" + command.Page.FileName, PageSyntaxRefresher.Refresh(texts[command.Page.FileName], command.Cmdlet)));
            }

            return new HelpBuildResult(pages, documented, problems, files);
        }
    }
}
