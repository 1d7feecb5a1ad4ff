print("bargain")
