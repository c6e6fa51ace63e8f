# Nightly-Cleanup.ps1: removes stopped containers and dangling images,
# logs each run to a transcript, and exits 1 when anything fails.
# pwsh -NoProfile -NonInteractive -File ./Nightly-Cleanup.ps1 `
#     -Engine tcp://build01:2376 -LogFolder /var/log/container-cleanup
param(
    # An address, docker context or host name; else what the
    # environment selects (DOCKER_HOST, the docker CLI's context).
    [string] $Engine,
    # Only objects with every one of these labels (key or key=value).
    [string[]] $Label,
    # One transcript per run goes here.
    [string] $LogFolder = [IO.Path]::Combine([IO.Path]::GetTempPath(),
        'container-cleanup')
)

$ErrorActionPreference = 'Stop'   # any error ends the run
$null = New-Item -ItemType Directory -Path $LogFolder -Force
$name = 'cleanup-{0:yyyyMMdd-HHmmss}.log' -f (Get-Date)
$log = Join-Path $LogFolder $name
$null = Start-Transcript -Path $log
try {
    Import-Module Containers
    $target = @{}
    if ($Engine) { $target.Engine = $Engine }
    if ($Label) { $target.Label = $Label }

    # -Force: nobody is there to answer the prunes' question.
    $results = @(
        Remove-Container -Stopped -Force @target
        Remove-ContainerImage -Unused -Force @target
    )
    foreach ($result in $results) {
        '{0}: {1} removed, {2:N0} bytes reclaimed' -f $result.Kind,
            $result.Removed.Count, $result.SpaceReclaimed
        $result.Removed | ForEach-Object { "  $_" }
    }
}
catch {
    # To standard error and the transcript; exit 1 fails the task.
    Write-Error -ErrorRecord $_ -ErrorAction Continue
    exit 1
}
finally {
    $null = Stop-Transcript
}
