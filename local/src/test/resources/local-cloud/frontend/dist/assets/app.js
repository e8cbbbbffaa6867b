console.log("kinora test spa");
