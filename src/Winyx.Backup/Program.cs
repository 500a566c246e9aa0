using Winyx.Backup.Apis;
using Winyx.Backup.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddBackupJob();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapBackupApi();
app.Run();
