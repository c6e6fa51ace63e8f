<#
.SYNOPSIS
    A scheduled job for the Containers module: removes stopped containers and dangling images from an engine, with a
    transcript of each run, and fails the task when anything goes wrong.
.DESCRIPTION
    Runs unattended (a scheduled task, cron, a systemd timer): it never asks, because the prunes are given -Force, and
    any error stops the run and makes pwsh exit with 1, so the scheduler records the run as failed. The transcript is
    kept whatever happens.
.EXAMPLE
    pwsh -NoProfile -NonInteractive -File ./Nightly-Cleanup.ps1 -Engine tcp://build01:2376 -LogFolder /var/log/container-cleanup
.EXAMPLE
    pwsh -NoProfile -NonInteractive -File ./Nightly-Cleanup.ps1 -Label com.example.ci=true
    Cleans only the containers and images that carry the label, on the engine DOCKER_HOST or the docker CLI's current
    context selects.
#>
[CmdletBinding()]
param(
    # The engine to clean: an address, a docker context or a host name. Without it, the engine the environment selects.
    [string] $Engine,

    # Only objects that carry every one of these labels (key or key=value), as docker's prune --filter label=... does.
    [string[]] $Label,

    # Where the transcripts go, one file per run.
    [string] $LogFolder = (Join-Path ([System.IO.Path]::GetTempPath()) 'container-cleanup')
)

$ErrorActionPreference = 'Stop'

$null = New-Item -ItemType Directory -Path $LogFolder -Force
$transcript = Join-Path $LogFolder ('cleanup-{0:yyyyMMdd-HHmmss}.log' -f (Get-Date))
$null = Start-Transcript -Path $transcript
try {
    Import-Module Containers

    $target = @{}
    if ($Engine) { $target.Engine = $Engine }
    if ($Label) { $target.Label = $Label }

    $results = @(
        Remove-Container -Stopped -Force @target
        Remove-ContainerImage -Unused -Force @target
    )
    foreach ($result in $results) {
        Write-Output ('{0}: {1} removed, {2:N0} bytes reclaimed' -f $result.Kind, $result.Removed.Count, $result.SpaceReclaimed)
        $result.Removed | ForEach-Object { Write-Output "  $_" }
    }
}
catch {
    # To standard error and the transcript, then a failed run for the scheduler.
    Write-Error -ErrorRecord $_ -ErrorAction Continue
    exit 1
}
finally {
    $null = Stop-Transcript
}
