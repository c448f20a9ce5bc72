print("instroom")
