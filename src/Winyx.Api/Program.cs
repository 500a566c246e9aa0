using Winyx.Api.Apis;
using Winyx.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseApplicationMiddleware();
app.MapDefaultEndpoints();
app.MapApiDocumentation();
app.MapUsersApi();
app.Run();
